package dev.kontor.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Kontor where to find it. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        Environment env = event.getApplicationContext().getEnvironment();
        String host = env.getProperty("server.address", "localhost");
        String base = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":"
                + web.getWebServer().getPort();
        log.info("Kontor is ready: UI {}/  API {}/api  API docs {}/api-docs", base, base, base);
    }
}
