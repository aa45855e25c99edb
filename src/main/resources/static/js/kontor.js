// Kontor's little bit of JavaScript: everything works without it except htmx's conveniences.
(function () {
  'use strict';

  // htmx requests carry the CSRF token, like every form does.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Let htmx swap validation answers (422) and conflicts (409) into the page: they carry the messages.
  document.addEventListener('DOMContentLoaded', function () {
    if (window.htmx) {
      htmx.config.responseHandling = [
        {code: '204', swap: false},
        {code: '[23]..', swap: true},
        {code: '409', swap: true, error: false},
        {code: '422', swap: true, error: false},
        {code: '[45]..', swap: false, error: true}
      ];
    }
  });

  // A long upload says it is working: <form data-working="Reading the files…"> shows the text and stops a second click.
  document.addEventListener('submit', function (event) {
    var working = event.target.getAttribute('data-working');
    if (!working || event.defaultPrevented) {
      return;
    }
    var button = event.target.querySelector('button[type=submit]');
    if (button) {
      button.disabled = true;
    }
    var note = event.target.querySelector('.working');
    if (note) {
      note.textContent = working;
      note.hidden = false;
    }
    // <form data-progress="/imports/uploads/…">: the files go by script, so that the page stays alive to show
    // how far they are (sent, then read on the server) and to offer Cancel; the answer says where to go next.
    var progress = event.target.getAttribute('data-progress');
    var bar = document.getElementById('upload-progress');
    if (progress && bar && window.htmx && window.XMLHttpRequest && window.FormData) {
      event.preventDefault();
      var form = event.target;
      var max = Number(form.getAttribute('data-max-bytes') || 0);
      var size = 0;
      Array.prototype.forEach.call(form.querySelectorAll('input[type=file]'), function (input) {
        Array.prototype.forEach.call(input.files || [], function (file) { size += file.size; });
      });
      if (max > 0 && size > max) { // said before a byte is sent: the server would refuse it anyway
        window.location.assign(form.getAttribute('data-too-large'));
        return;
      }
      var timer = null;
      var poll = function () {
        htmx.ajax('GET', progress, {target: '#upload-progress', swap: 'innerHTML'});
      };
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('X-Kontor-Upload', 'script');
      xhr.upload.addEventListener('progress', function (e) {
        var sent = bar.querySelector('progress');
        if (e.lengthComputable && sent && !timer) {
          sent.max = e.total;
          sent.value = e.loaded;
        }
      });
      xhr.upload.addEventListener('load', function () {
        poll();
        timer = window.setInterval(poll, 800);
      });
      xhr.addEventListener('load', function () {
        window.clearInterval(timer);
        var type = xhr.getResponseHeader('Content-Type') || '';
        window.location.assign(type.indexOf('text/plain') === 0 ? xhr.responseText : xhr.responseURL);
      });
      xhr.addEventListener('error', function () {
        window.clearInterval(timer);
        window.location.reload();
      });
      bar.hidden = false;
      bar.innerHTML = '<progress></progress> <span class="progress-status"></span>'
          + ' <button type="button" class="link" id="upload-cancel"></button>';
      bar.querySelector('.progress-status').textContent = form.getAttribute('data-sending') || '';
      bar.querySelector('progress').setAttribute('aria-label', working);
      var stop = bar.querySelector('#upload-cancel');
      stop.textContent = form.getAttribute('data-cancel') || 'Cancel';
      stop.addEventListener('click', function () { // still sending: nothing has reached Kontor yet
        xhr.abort();
        window.location.assign(form.action);
      });
      xhr.send(new FormData(form));
    }
  });

  // Forms that need a second thought: <form data-confirm="Really?">
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // The bulk bar shows only what the chosen action needs: a reason to hold, a tag, whom to make responsible.
  function showBulkInputs() {
    var action = document.getElementById('bulk-action');
    if (!action) {
      return;
    }
    var needs = {hold: 'bulk-reason', tag: 'bulk-tag', untag: 'bulk-tag', assign: 'bulk-responsible'};
    ['bulk-reason', 'bulk-tag', 'bulk-responsible'].forEach(function (id) {
      document.getElementById(id).hidden = needs[action.value] !== id;
    });
  }
  document.addEventListener('DOMContentLoaded', showBulkInputs);
  document.addEventListener('change', function (event) {
    if (event.target.id === 'bulk-action') {
      showBulkInputs();
    }
  });

  // A bulk job is started once: the Apply button waits for the job's page after the first click.
  document.addEventListener('submit', function (event) {
    var apply = event.submitter;
    if (event.target.id === 'bulk' && apply && apply.id === 'bulk-apply' && !event.defaultPrevented) {
      window.setTimeout(function () { apply.disabled = true; }, 0);
    }
  });

  // A list's "tick all" box ticks every row of the list's bulk form.
  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-pick-all]')) {
      var table = event.target.closest('table');
      table.querySelectorAll('input[name="ids"]').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
  });

  document.addEventListener('click', function (event) {
    // Copy buttons: <button data-copy="#element">
    var copy = event.target.closest('[data-copy]');
    if (copy) {
      var source = document.querySelector(copy.getAttribute('data-copy'));
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          copy.classList.add('copied');
        });
      }
    }
    // Picking a customer from the suggestions in the order form.
    var pick = event.target.closest('[data-pick-customer]');
    if (pick) {
      document.getElementById('customer-id').value = pick.getAttribute('data-pick-customer');
      document.getElementById('customer-selected-name').value = pick.getAttribute('data-name');
      var selected = document.getElementById('customer-selected');
      selected.querySelector('strong').textContent = pick.getAttribute('data-name');
      selected.classList.remove('hidden');
      document.getElementById('customer-choose').classList.add('hidden');
      document.getElementById('customer-suggestions').innerHTML = '';
      // the customer's address and contacts into the empty fields of the order (what was typed stays)
      var into = function (name, value) {
        var field = document.querySelector('#order-form [name="' + name + '"]');
        if (field && value && !field.value) {
          field.value = value;
          field.dispatchEvent(new Event('change', {bubbles: true}));
        }
      };
      ['name', 'company', 'street', 'street2', 'postalCode', 'city', 'region', 'country', 'phone'].forEach(function (f) {
        into('shippingAddress.' + f, pick.getAttribute('data-address-' + f.toLowerCase()));
      });
      into('email', pick.getAttribute('data-email'));
      into('phone', pick.getAttribute('data-phone'));
    }
    if (event.target.closest('[data-clear-customer]')) {
      document.getElementById('customer-id').value = '';
      document.getElementById('customer-selected-name').value = '';
      document.getElementById('customer-selected').classList.add('hidden');
      document.getElementById('customer-choose').classList.remove('hidden');
    }
  });

  // The order form's product picker: a suggestion fills its line (code, name, colour, size, price) and the totals
  // follow; ↓ from the code field goes into the suggestions, ↑/↓ move, Enter picks, Escape closes.
  function pickInto(pick) {
    var row = document.querySelector('[data-picker="picks-' + pick.getAttribute('data-line') + '"]');
    row = row && row.closest('tr');
    if (!row) {
      return;
    }
    var fill = function (field, value) {
      var input = row.querySelector('[data-line-field="' + field + '"]');
      if (input && value !== null && value !== '') {
        input.value = value;
      }
    };
    fill('sku', pick.getAttribute('data-pick-sku'));
    fill('name', pick.getAttribute('data-name'));
    fill('colour', pick.getAttribute('data-colour'));
    fill('size', pick.getAttribute('data-size'));
    fill('unitPrice', pick.getAttribute('data-price'));
    pick.closest('.picks-holder').innerHTML = '';
    var quantity = row.querySelector('[data-line-field="quantity"]');
    if (quantity) {
      quantity.focus();
      quantity.select();
    }
    refreshTotals();
  }

  function refreshTotals() {
    var totals = document.getElementById('form-totals');
    if (totals && window.htmx) {
      htmx.trigger(totals, 'refresh');
    }
  }

  document.addEventListener('click', function (event) {
    var pick = event.target.closest && event.target.closest('[data-pick-sku]');
    if (pick) {
      pickInto(pick);
    }
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (!target.closest || !target.closest('#order-form')) {
      return;
    }
    var pick = target.closest('[data-pick-sku]');
    if (pick) {
      var picks = Array.prototype.slice.call(pick.parentNode.querySelectorAll('[data-pick-sku]'));
      var at = picks.indexOf(pick);
      if (event.key === 'ArrowDown' && at < picks.length - 1) {
        picks[at + 1].focus();
        event.preventDefault();
      } else if (event.key === 'ArrowUp') {
        (at > 0 ? picks[at - 1] : document.querySelector('[data-picker="' + pick.closest('.picks-holder').id + '"]'))
            .focus();
        event.preventDefault();
      } else if (event.key === 'Escape') {
        var field = document.querySelector('[data-picker="' + pick.closest('.picks-holder').id + '"]');
        pick.closest('.picks-holder').innerHTML = '';
        field.focus();
      }
      return; // Enter on a suggestion is its click
    }
    if (target.hasAttribute('data-picker') && event.key === 'ArrowDown') {
      var first = document.querySelector('#' + target.getAttribute('data-picker') + ' [data-pick-sku]');
      if (first) {
        first.focus();
        event.preventDefault();
      }
      return;
    }
    // Enter in a line adds the next line (instead of saving half an order)
    if (event.key === 'Enter' && target.hasAttribute('data-line-field')) {
      event.preventDefault();
      var add = document.getElementById('add-line');
      if (add) {
        add.click();
      }
    }
  });

  // After lines are added, moved or removed: the totals again, and a new line's code field ready to type into
  // (once htmx has settled the new lines, so that the picker listens before anyone types).
  document.addEventListener('htmx:afterSettle', function (event) {
    if (event.detail && event.detail.target && event.detail.target.id === 'lines') {
      refreshTotals();
      if (event.detail.requestConfig && /\/orders\/form\/lines(\?orderId=[^&]*)?$/.test(event.detail.requestConfig.path)) {
        var codes = document.querySelectorAll('#lines [data-line-field="sku"]');
        if (codes.length) {
          codes[codes.length - 1].focus();
        }
      }
    }
  });

  // Copy buttons: <button data-copy="#input-id"> copies that field's text (the payment link, for a chat).
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    if (!button) {
      return;
    }
    var field = document.querySelector(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    field.select();
    var done = function () {
      button.setAttribute('data-copied', 'true');
      button.textContent = button.getAttribute('data-copied-text') || button.textContent;
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
      document.execCommand('copy');
      done();
    }
  });

  // The order form's market: choosing one sets the currency; left on "by shipping country", the shipping
  // country's market does. The server prices catalog items in that currency when the order is saved.
  function marketCurrency(select, country) {
    for (var i = 0; i < select.options.length; i++) {
      var option = select.options[i];
      var countries = (option.getAttribute('data-countries') || '').split(' ');
      if (option.value && countries.indexOf(country) >= 0) {
        return option.getAttribute('data-currency');
      }
    }
    return null;
  }
  function setCurrency(field, code) {
    if (field.tagName === 'SELECT' && !Array.prototype.some.call(field.options, function (o) { return o.value === code; })) {
      field.add(new Option(code, code)); // a market's currency the list does not name
    }
    field.value = code;
  }
  document.addEventListener('change', function (event) {
    var target = event.target;
    var form = target.form;
    var select = form && form.querySelector('[data-market-select]');
    var currency = form && form.querySelector('#currency');
    if (!select || !currency) {
      return;
    }
    if (target === select && select.value) {
      setCurrency(currency, select.options[select.selectedIndex].getAttribute('data-currency'));
    } else if (target.name === 'shippingAddress.country' && !select.value) {
      var found = marketCurrency(select, target.value.trim().toUpperCase());
      if (found) {
        setCurrency(currency, found);
      }
    }
  });

  // The payment page: the total follows the shipping method chosen (shipping carries no tax here, so the
  // total moves by exactly the difference); the server computes it again when the customer pays.
  document.addEventListener('change', function (event) {
    var radio = event.target;
    var total = document.getElementById('pay-total');
    if (!total || radio.name !== 'shipping' || !radio.hasAttribute('data-price')) {
      return;
    }
    var currency = total.getAttribute('data-currency');
    var digits = new Intl.NumberFormat('en', {style: 'currency', currency: currency}).resolvedOptions().maximumFractionDigits;
    var minor = Number(total.getAttribute('data-total')) - Number(total.getAttribute('data-shipping'))
        + Number(radio.getAttribute('data-price'));
    total.textContent = new Intl.NumberFormat(total.getAttribute('data-locale'), {style: 'currency', currency: currency})
        .format(minor / Math.pow(10, digits));
  });

  // Print buttons (packing slips) and "select all" boxes in lists.
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
      window.print();
    }
  });
  document.addEventListener('change', function (event) {
    var all = event.target;
    if (!all.hasAttribute || !all.hasAttribute('data-check-all')) {
      return;
    }
    var boxes = all.form.querySelectorAll('input[type=checkbox][name="' + all.getAttribute('data-check-all') + '"]');
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].checked = all.checked;
    }
  });
})();
