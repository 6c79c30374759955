package dev.lifeline.relay.accounts;

import java.util.Locale;

/** What an account may do: technicians take sessions, leads also review, admins also manage accounts. */
public enum AccountRole {
    TECHNICIAN, LEAD, ADMIN;

    public static AccountRole parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be technician, lead or admin");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
