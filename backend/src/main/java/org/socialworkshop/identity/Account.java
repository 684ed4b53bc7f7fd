package org.socialworkshop.identity;

import java.util.Set;

/** A person who can sign in, as other modules and the API see them: never with the password hash. */
public record Account(UserId id, String email, String displayName, Set<Role> roles) {
}
