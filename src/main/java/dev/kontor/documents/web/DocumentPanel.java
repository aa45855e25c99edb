package dev.kontor.documents.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.customers.Customers;
import dev.kontor.documents.Document;
import dev.kontor.documents.DocumentKind;
import dev.kontor.documents.Documents;
import dev.kontor.documents.SignedDocuments;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPanel;
import org.springframework.stereotype.Component;

/** The documents section of the order page: what was issued, and the forms to issue, credit, void and share. */
@Component
class DocumentPanel implements OrderPanel {

    static final List<String> LANGUAGES = List.of("en", "de", "zh_CN", "nb");

    private final Documents documents;
    private final Customers customers;
    private final SignedDocuments signed;

    DocumentPanel(Documents documents, Customers customers, SignedDocuments signed) {
        this.documents = documents;
        this.customers = customers;
        this.signed = signed;
    }

    @Override
    public int position() {
        return 30;
    }

    @Override
    public String template() {
        return "documents/panel";
    }

    @Override
    public Map<String, Object> data(Order order, Actor actor) {
        List<Document> issued = documents.ofOrder(actor, order.id());
        Map<Long, Long> creditable = new HashMap<>();
        for (Document d : issued) {
            if (d.kind() == DocumentKind.INVOICE && !d.isVoid()) {
                creditable.put(d.id(), documents.creditable(d));
            }
        }
        Map<String, Object> data = new HashMap<>();
        data.put("documents", issued);
        data.put("creditable", creditable);
        data.put("canIssue", documents.mayIssue(actor, order));
        data.put("canCorrect", documents.mayCorrect(actor, order));
        data.put(
                "kinds",
                Arrays.stream(DocumentKind.values())
                        .filter(DocumentKind::issuedFromOrder)
                        .toList());
        data.put("languages", LANGUAGES);
        data.put("signed", signed.of(actor, order.id()));
        data.put(
                "language",
                customers
                        .find(order.content().customerId())
                        .map(c -> c.language())
                        .filter(LANGUAGES::contains)
                        .orElse("en"));
        return data;
    }
}
