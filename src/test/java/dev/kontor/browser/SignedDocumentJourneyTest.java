package dev.kontor.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.documents.SignedDocuments;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** 到单 in the browser: the admin says manual orders need it; the order waits for the scan, then is approved. */
@KontorTest
class SignedDocumentJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    SignedDocuments signed;

    Actor admin;

    @AfterEach
    void nobodyNeedsItAgain() {
        signed.require(admin, "", false);
    }

    @Test
    void anOrderIsApprovedOnceItsSignedDocumentArrived() throws Exception {
        admin = fixtures.user("ada");
        Actor lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
        Order order = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT", 2990, 1)), false)
                .order();

        signIn("ada");
        page.navigate(url("/settings/documents?lang=en"));
        page.check("#signed-required input[name=channels][value=MANUAL]");
        page.click("#signed-required button.primary");
        assertThat(page.locator(".flash")).containsText("Saved: which orders need their signed document back");
        page.click("text=Sign out");

        signIn("li.na");
        page.navigate(url("/orders/" + order.id() + "?lang=en"));
        assertThat(page.locator("#signed-missing")).isVisible();
        page.click("button:has-text('Approve')");
        assertThat(page.locator(".flash-error")).containsText("has not come back yet");

        Path scan = Files.createTempFile("signed", ".pdf");
        Files.writeString(scan, "%PDF-1.7 signed by the customer");
        page.setInputFiles("#signed-upload input[type=file]", scan);
        page.click("#signed-upload button");
        assertThat(page.locator("#signed-arrived")).containsText("Document arrived");
        page.click("button:has-text('Approve')");
        assertThat(page.locator("#timeline .changes").first()).containsText("Approved");
        assertThat(page.locator("#timeline")).containsText("recorded the signed order document as arrived");
    }
}
