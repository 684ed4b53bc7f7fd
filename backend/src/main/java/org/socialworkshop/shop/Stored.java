package org.socialworkshop.shop;

import java.time.LocalDate;
import java.util.List;

/** The identity as its row's {@code details} document holds it: everything but the version, which is a column. */
record Stored(String nameZh, String nameEn, String addressZh, String addressEn, String pickupPointZh, String pickupPointEn,
        String directionsZh, String directionsEn, List<Shop.Day> hours, List<LocalDate> closedDates, String phone,
        String email, String legalName, String taxId) {

    static Stored of(Shop shop) {
        return new Stored(shop.nameZh(), shop.nameEn(), shop.addressZh(), shop.addressEn(), shop.pickupPointZh(),
                shop.pickupPointEn(), shop.directionsZh(), shop.directionsEn(), shop.hours(), shop.closedDates(), shop.phone(),
                shop.email(), shop.legalName(), shop.taxId());
    }

    Shop at(int version) {
        return new Shop(version, nameZh, nameEn, addressZh, addressEn, pickupPointZh, pickupPointEn, directionsZh, directionsEn,
                hours, closedDates, phone, email, legalName, taxId);
    }
}
