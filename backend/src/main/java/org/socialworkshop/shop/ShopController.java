package org.socialworkshop.shop;

import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.platform.cache.JsonAnswer;
import org.socialworkshop.platform.web.InvalidInput;
import org.socialworkshop.platform.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Anyone reads the shop's identity; admins change it against the version they read. */
@RestController
class ShopController {

    private final ShopIdentity identity;
    private final JsonMapper json;

    ShopController(ShopIdentity identity, JsonMapper json) {
        this.identity = identity;
        this.json = json;
    }

    /** A weekday's hours as sent: both times, or neither for a closed weekday. */
    record DayForm(@NotNull DayOfWeek day, @Nullable LocalTime opens, @Nullable LocalTime closes) {
    }

    record ShopForm(@NotNull @Positive Integer version,
            @NotBlank @Size(max = 60) String nameZh, @NotBlank @Size(max = 100) String nameEn,
            @NotBlank @Size(max = 200) String addressZh, @NotBlank @Size(max = 300) String addressEn,
            @NotBlank @Size(max = 100) String pickupPointZh, @NotBlank @Size(max = 150) String pickupPointEn,
            @NotBlank @Size(max = 500) String directionsZh, @NotBlank @Size(max = 800) String directionsEn,
            @NotNull @Size(min = 7, max = 7) List<@NotNull @Valid DayForm> hours,
            @NotNull @Size(max = 100) List<@NotNull LocalDate> closedDates,
            @NotBlank @Size(max = 30) @Pattern(regexp = "[0-9+()\\- ]{5,30}", message = "must be a phone number") String phone,
            @NotBlank @Size(max = 120) @Email String email,
            @NotBlank @Size(max = 100) String legalName,
            @NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "must be an 18-character unified social credit code") String taxId) {

        Shop shop() {
            List<Problems.FieldError> errors = new ArrayList<>();
            Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
            for (int index = 0; index < hours.size(); index++) {
                DayForm day = hours.get(index);
                if (!seen.add(day.day())) {
                    errors.add(new Problems.FieldError("hours[" + index + "].day", "names a weekday twice"));
                } else if ((day.opens() == null) != (day.closes() == null)) {
                    errors.add(new Problems.FieldError("hours[" + index + "].closes", "give both times, or neither for a closed day"));
                } else if (day.opens() != null && !day.opens().isBefore(day.closes())) {
                    errors.add(new Problems.FieldError("hours[" + index + "].closes", "must be after the opening time"));
                }
            }
            if (!errors.isEmpty()) {
                throw InvalidInput.fields(errors);
            }
            List<Shop.Day> week = hours.stream().sorted(Comparator.comparing(DayForm::day))
                    .map(day -> new Shop.Day(day.day(), day.opens(), day.closes())).toList();
            List<LocalDate> closed = closedDates.stream().distinct().sorted().toList();
            return new Shop(version, nameZh.strip(), nameEn.strip(), addressZh.strip(), addressEn.strip(), pickupPointZh.strip(),
                    pickupPointEn.strip(), directionsZh.strip(), directionsEn.strip(), week, closed, phone.strip(), email.strip(),
                    legalName.strip(), taxId);
        }
    }

    /** The identity the pages show; tagged, so a browser that has it gets 304. */
    @GetMapping("/api/shop")
    Mono<ResponseEntity<byte[]>> shop() {
        return identity.current().map(shop -> JsonAnswer.of(shop, json).response());
    }

    @GetMapping("/api/admin/shop")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Shop> forAdmin() {
        return identity.current();
    }

    @PutMapping("/api/admin/shop")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<Shop> change(@Valid @RequestBody ShopForm form, Principal admin) {
        return Mono.fromCallable(form::shop).flatMap(wanted -> identity.change(wanted, admin.getName()));
    }
}
