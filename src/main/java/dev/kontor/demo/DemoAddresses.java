package dev.kontor.demo;

import dev.kontor.shared.Address;

/** Where the demo customers live: their names, companies, countries and phones are those of these addresses. */
final class DemoAddresses {

    static final Address ZHANG =
            new Address("张伟", null, "文一西路 969 号", null, "310000", "杭州", "浙江", "CN", "+86 138 0013 8000");

    static final Address WANG =
            new Address("王芳", null, "南京东路 300 号 1201 室", null, "200001", "上海", "上海", "CN", "+86 139 1234 5678");

    static final Address CHEN =
            new Address("陈静", null, "天河路 385 号", null, "510620", "广州", "广东", "CN", "+86 137 5555 0101");

    static final Address HANGZHOU = new Address(
            "Zhou Min",
            "Hangzhou Xihu Trading Co., Ltd.",
            "No. 18 Wensan Road",
            "Xihu District",
            "310012",
            "Hangzhou",
            "Zhejiang",
            "CN",
            "+86 571 8888 6666");

    static final Address JANA =
            new Address("Jana Schmidt", null, "Hauptstraße 12", null, "50667", "Köln", null, "DE", "+49 170 1234567");

    static final Address MUELLER = new Address(
            "Jürgen Müller",
            "Müller Textil GmbH",
            "Industriestraße 7",
            null,
            "51105",
            "Köln",
            null,
            "DE",
            "+49 221 987650");

    static final Address KARI =
            new Address("Kari Nordmann", null, "Storgata 1", null, "0155", "Oslo", null, "NO", "+47 912 34 567");

    static final Address NORDLYS = new Address(
            "Ola Nordmann", "Nordlys Interiør AS", "Bryggen 4", null, "5003", "Bergen", null, "NO", "+47 22 12 34 56");

    static final Address JOHN = new Address(
            "John Smith", null, "500 Market Street", "Apt 12", "94105", "San Francisco", "CA", "US", "+1 415 555 0100");

    private DemoAddresses() {}
}
