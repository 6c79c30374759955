package dev.lifeline.relay.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"short1!", "password2024!", "Password123456", "qwertyuiop12", "letmeinletmein",
        "aaaaaaaaaaaaaaaa", "123456789012", "abcabcabcabc", "alicemeyer2024", "zyxwvutsrqponm", "1qwertyuiop!"})
    void refusesWeakPasswords(String password) {
        List<String> problems = PasswordPolicy.problems("Alice Meyer", password.toCharArray());
        assertTrue(!problems.isEmpty(), password + " should be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "tram-Gusto-57-melon", "Vk3#pq9!Lm2zX"})
    void acceptsStrongPasswords(String password) {
        assertEquals(List.of(), PasswordPolicy.problems("Alice Meyer", password.toCharArray()));
    }

    @Test
    void saysWhy() {
        assertEquals(List.of("must have at least 12 characters"), PasswordPolicy.problems("bob", "Xk9!mq".toCharArray()));
        assertTrue(PasswordPolicy.problems("bob", "password12345".toCharArray())
                .contains("is a commonly used password found in breaches"));
    }
}
