package org.socialworkshop.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A request to create an account. Passwords need 12 characters at least; length beats rules about symbols. */
public record NewAccount(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String displayName,
        @NotBlank @Size(min = 12, max = 200) String password,
        @NotEmpty Set<Role> roles) {
}
