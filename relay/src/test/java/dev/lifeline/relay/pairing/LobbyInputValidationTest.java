package dev.lifeline.relay.pairing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LobbyInputValidationTest {
    @Test
    void onlyDecimalNameplatesOfSaneLengthAreLookedUp() {
        assertTrue(LobbyHandler.isPlausibleNameplate("418"));
        assertTrue(LobbyHandler.isPlausibleNameplate("123456789"));
        assertFalse(LobbyHandler.isPlausibleNameplate("12"));
        assertFalse(LobbyHandler.isPlausibleNameplate("1234567890"));
        assertFalse(LobbyHandler.isPlausibleNameplate("041"));
        assertFalse(LobbyHandler.isPlausibleNameplate("4a8"));
        assertFalse(LobbyHandler.isPlausibleNameplate(""));
    }
}
