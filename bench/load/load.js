// bench/load.sh's driver: a shop's traffic against a running Kontor for N seconds at 50 connections (autocannon):
// 70 % reads (lists with filters, order pages, searches), 20 % order creation, 10 % approvals and payments. Reports
// throughput and p50/p95/p99 per request type, errors, the JVM's and PostgreSQL's resident memory, and lock waits over
// 1 s sampled from pg_stat_activity every second. Connections: 30 reading, 15 creating, 5 approving and paying, which
// gives about the 70/20/10 share of requests (creating takes longer than reading).
//   node bench/load/load.js --url http://localhost:18098 --token … --seconds 600 --jvm-pid 1234 --pg-port 15498
'use strict';
const autocannon = require('autocannon');
const { execFile } = require('child_process');
const { promisify } = require('util');
const run = promisify(execFile);
const fs = require('fs');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const url = args.url;
const seconds = Number(args.seconds || 600);
const auth = { authorization: 'Bearer ' + args.token, 'content-type': 'application/json' };
const read = { authorization: 'Bearer ' + args.token };

let sequence = 0;
function order() {
  const n = ++sequence + Math.floor(Math.random() * 1e9);
  return JSON.stringify({
    channel: 'WEBSHOP', externalId: 'load-' + n, currency: 'EUR',
    customer: { name: 'Load Customer ' + (n % 5000), country: 'DE', email: 'load' + n + '@example.de' },
    shippingAddress: { name: 'Load Customer ' + (n % 5000), street: 'Hauptstraße ' + (n % 200 + 1), postalCode: '50667', city: 'Köln', country: 'DE' },
    lines: [
      { sku: 'LOAD-SHIRT', name: 'Linen shirt', unitPrice: 4990, quantity: 2, taxRate: 1900 },
      { sku: 'LOAD-SOCKS', name: 'Merino socks', unitPrice: 1990, quantity: 3, taxRate: 1900 }]
  });
}

async function post(path, body) {
  const r = await fetch(url + path, { method: 'POST', headers: auth, body });
  return { status: r.status, body: await r.text() };
}

async function setUp() {
  const variants = ['LOAD-SHIRT', 'LOAD-SOCKS'].map(sku => ({ sku, attributes: { size: 'M' }, prices: { EUR: 1990 } }));
  const product = await post('/api/catalog/products', JSON.stringify({ code: 'LOAD', name: 'Load goods', variants }));
  if (product.status !== 201) throw new Error('catalog: ' + product.status + ' ' + product.body);
  for (const sku of ['LOAD-SHIRT', 'LOAD-SOCKS']) {
    const r = await post('/api/stock/receipts', JSON.stringify({ sku, quantity: 1000000, reason: 'load' }));
    if (r.status !== 200) throw new Error('stock: ' + r.status + ' ' + r.body);
  }
  const ids = [];
  for (let batch = 0; batch < 50; batch++) { // 1,000 orders to read, approve and pay
    const made = await Promise.all(Array.from({ length: 20 }, () => post('/api/orders', order())));
    made.forEach(m => { const id = /"id":(\d+)/.exec(m.body); if (id) ids.push(Number(id[1])); });
  }
  return ids;
}

function percentile(sorted, p) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
}

function rss(pid) {
  try {
    const status = fs.readFileSync('/proc/' + pid + '/status', 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch (e) {
    return 0;
  }
}

function pss(pid) { // proportional set size: shared pages divided among the processes that share them
  try {
    return Number(/Pss:\s+(\d+)/.exec(fs.readFileSync('/proc/' + pid + '/smaps_rollup', 'utf8'))[1]) / 1024;
  } catch (e) {
    return 0;
  }
}

async function postgresPss(port) { // every process of the PostgreSQL server on this port: postmaster and backends
  const pids = (await run('pgrep', ['-f', 'postgres'])).stdout.trim().split('\n');
  return pids.map(Number).filter(pid => {
    try { return fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes(String(port)) || parentListens(pid, port); }
    catch (e) { return false; }
  }).reduce((sum, pid) => sum + pss(pid), 0);
}

function parentListens(pid, port) {
  const ppid = Number(/PPid:\s+(\d+)/.exec(fs.readFileSync('/proc/' + pid + '/status', 'utf8'))[1]);
  try { return fs.readFileSync('/proc/' + ppid + '/cmdline', 'utf8').includes(String(port)); } catch (e) { return false; }
}

const waiting = []; // what waited over 1 s, and on whom: the first few, for the report

async function lockWaits(port) { // asynchronously: the driver's one thread keeps serving its connections
  try {
    const { stdout } = await run('psql', ['-h', 'localhost', '-p', String(port), '-U', 'postgres', '-d', 'kontor', '-tAF', '\t', '-c',
      "SELECT w.wait_event, left(regexp_replace(w.query, '\\s+', ' ', 'g'), 160), "
        + "left(regexp_replace(coalesce(b.query, ''), '\\s+', ' ', 'g'), 160) "
        + "FROM pg_stat_activity w LEFT JOIN pg_stat_activity b ON b.pid = (pg_blocking_pids(w.pid))[1] "
        + "WHERE w.wait_event_type = 'Lock' AND now() - w.query_start > interval '1 second'"],
      { env: { ...process.env, PGCONNECT_TIMEOUT: '2' } });
    const rows = stdout.trim() ? stdout.trim().split('\n') : [];
    rows.forEach(r => { if (waiting.length < 5) waiting.push(r); });
    return rows.length;
  } catch (e) {
    return -1;
  }
}

async function main() {
  const ids = await setUp();
  const fresh = ids.slice(); // new orders for approvals and payments, each used once
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const types = {
    'GET /api/orders (list, filtered)': { connections: 13, request: () => ({ method: 'GET', path: '/api/orders?payment=UNPAID&channel=WEBSHOP&limit=50' }) },
    'GET /api/orders/{id}': { connections: 9, request: () => ({ method: 'GET', path: '/api/orders/' + pick() }) },
    'GET /api/orders?q= (search)': { connections: 8, request: () => ({ method: 'GET', path: '/api/orders?q=' + encodeURIComponent('Load Customer ' + Math.floor(Math.random() * 5000)) }) },
    'POST /api/orders': { connections: 15, request: () => ({ method: 'POST', path: '/api/orders', body: order() }), created: true },
    'POST /api/orders/{id}/approve': { connections: 3, request: () => ({ method: 'POST', path: '/api/orders/' + (fresh.pop() || pick()) + '/approve', body: '{}' }) },
    'POST /api/orders/{id}/payments': { connections: 2, request: () => ({ method: 'POST', path: '/api/orders/' + pick() + '/payments', body: JSON.stringify({ amount: 100, currency: 'EUR', method: 'BANK_TRANSFER' }) }) },
  };
  const stats = {};
  const samples = { jvm: [], pg: [], locks: 0, lockSamples: 0 };
  const sampler = setInterval(async () => {
    if (process.env.NO_SAMPLES) return;
    samples.jvm.push(rss(args['jvm-pid']));
    samples.pg.push(await postgresPss(args['pg-port']));
    const waits = await lockWaits(args['pg-port']);
    if (waits >= 0) { samples.lockSamples++; samples.locks += waits; }
  }, 1000);
  const started = Date.now();
  await Promise.all(Object.entries(types).map(([name, t]) => new Promise((resolve, reject) => {
    const s = stats[name] = { latencies: [], errors: 0, codes: {} };
    const instance = autocannon({
      url, connections: t.connections, duration: seconds, timeout: 30,
      requests: [{ setupRequest: (req) => { const r = t.request(); return { ...req, ...r, headers: r.method === 'GET' ? read : auth }; },
                   onResponse: (status, body) => {
                     if (status >= 400 && !s.sample) { s.sample = body.slice(0, 300); }
                     if (t.created && status === 201) { const id = /"id":(\d+)/.exec(body); if (id) { ids.push(Number(id[1])); fresh.push(Number(id[1])); } } } }],
    }, (err, result) => {
      if (err) { reject(err); return; }
      s.own = result.latency; // autocannon's own histogram, to check the per-response figures against
      s.total = result.requests.total;
      resolve();
    });
    instance.on('response', (client, status, bytes, time) => {
      s.latencies.push(time);
      if (status >= 400) { s.errors++; s.codes[status] = (s.codes[status] || 0) + 1; }
    });
  })));
  clearInterval(sampler);
  const elapsed = (Date.now() - started) / 1000;
  console.log('| request | share of connections | requests/s | p50 ms | p95 ms | p99 ms | errors |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  let total = 0, errors = 0;
  for (const [name, t] of Object.entries(types)) {
    const s = stats[name];
    const sorted = s.latencies.sort((a, b) => a - b);
    total += sorted.length; errors += s.errors;
    console.log(`| ${name} | ${t.connections}/50 | ${(sorted.length / elapsed).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${s.errors}${s.errors ? ' ' + JSON.stringify(s.codes) : ''} |`);
  }
  const max = a => a.length ? Math.max(...a) : 0;
  console.log(`| all | 50 | ${(total / elapsed).toFixed(1)} | | | | ${errors} |`);
  for (const [name, s] of Object.entries(stats)) {
    if (s.sample) console.log(`first error of ${name}: ${s.sample}`);
    console.log(`autocannon's own histogram for ${name}: p50 ${s.own.p50} ms, p90 ${s.own.p90} ms, p99 ${s.own.p99} ms, mean ${s.own.average} ms, ${s.total} requests`);
  }
  console.log('');
  waiting.forEach(w => console.log('waited over 1 s (event, query, blocked by): ' + w.split('\t').join(' | ')));
  console.log(`${elapsed.toFixed(0)} s; JVM RSS max ${max(samples.jvm).toFixed(0)} MB (last ${samples.jvm.at(-1)?.toFixed(0)} MB); ` +
    `PostgreSQL max ${max(samples.pg).toFixed(0)} MB (PSS of postmaster and backends: shared buffers counted once); ` +
    `lock waits over 1 s seen in ${samples.locks} of ${samples.lockSamples} samples`);
}

main().catch(e => { console.error(e); process.exit(1); });
