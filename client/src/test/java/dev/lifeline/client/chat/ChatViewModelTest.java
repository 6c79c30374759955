package dev.lifeline.client.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.session.ChatLine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final ChatViewModel chat = new ChatViewModel(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<String> sent = new ArrayList<>();

    @Test
    void sendsOnlyWhenAttachedAndKeepsLinesAfterDetach() {
        chat.draftProperty().set("hello");
        assertFalse(chat.send(), "not secured yet");
        assertEquals("hello", chat.draftProperty().get(), "the draft is kept");
        chat.attach(sent::add);
        assertTrue(chat.send());
        assertEquals(List.of("hello"), sent);
        chat.receive(new ChatLine("hi", NOW, false));
        chat.detach();
        chat.draftProperty().set("too late");
        assertFalse(chat.send());
        assertEquals(2, chat.lines().size());
        assertFalse(chat.canSendProperty().get());
    }

    @Test
    void overlongLinesAreRefusedNotCut() {
        chat.attach(sent::add);
        chat.draftProperty().set("x".repeat(ChatViewModel.MAX_LENGTH + 1));
        assertFalse(chat.send());
        assertTrue(sent.isEmpty());
        chat.draftProperty().set("x".repeat(ChatViewModel.MAX_LENGTH));
        assertTrue(chat.send());
    }
}
