package dev.kontor.workbench;

/** The columns an order list can be sorted by; ties are broken by id, so paging is stable. */
public enum OrderSort {
    PLACED("placed_at"),
    NUMBER("number"),
    CUSTOMER("customer_name"),
    TOTAL("total"),
    UPDATED("updated_at"),
    /** When it was first approved; a list sorted so shows only approved orders. */
    APPROVED("approved_at");

    private final String column;

    OrderSort(String column) {
        this.column = column;
    }

    /** The SQL column; a fixed name from this enum, never user input. */
    public String column() {
        return column;
    }
}
