package dev.lifeline.client.helprequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.customer.GetHelpViewModel;
import dev.lifeline.client.helprequest.HelpRequestViewModel.Invalid;
import dev.lifeline.client.session.CustomerSessionHandle;
import dev.lifeline.client.session.QueueRequest;
import dev.lifeline.client.session.SessionListener;
import dev.lifeline.client.testing.FakeSessions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

class HelpRequestViewModelTest {
    private final SimpleStringProperty name = new SimpleStringProperty("");
    private final HelpRequestViewModel vm = new HelpRequestViewModel(name);

    @Test
    void noProblemMeansJustACode() {
        assertSame(HelpRequestViewModel.CODE_ONLY, vm.validate());
        assertNull(vm.invalidProperty().get());
    }

    @Test
    void aProblemNeedsANameAndAFewWords() {
        vm.problemProperty().set("  printer prints blank pages ");
        assertNull(vm.validate());
        assertEquals(Invalid.NAME_MISSING, vm.invalidProperty().get());
        name.set("Dana");
        assertNull(vm.invalidProperty().get(), "typing clears the message");
        vm.problemProperty().set("pc");
        assertNull(vm.validate());
        assertEquals(Invalid.PROBLEM_TOO_SHORT, vm.invalidProperty().get());
        vm.problemProperty().set("printer prints blank pages");
        vm.contactProperty().set(" +49 30 555 ");
        QueueRequest request = vm.validate();
        assertEquals("printer prints blank pages", request.problem());
        assertEquals("+49 30 555", request.contact());
    }

    @Test
    void theRelaysLimitsAreCheckedHere() {
        name.set("Dana");
        vm.problemProperty().set("x".repeat(HelpRequestViewModel.MAX_PROBLEM));
        assertEquals(0, vm.problemLeft().get());
        assertNotNull(vm.validate());
        vm.problemProperty().set("x".repeat(HelpRequestViewModel.MAX_PROBLEM + 1));
        assertEquals(-1, vm.problemLeft().get());
        assertNull(vm.validate());
        assertEquals(Invalid.PROBLEM_TOO_LONG, vm.invalidProperty().get());
        vm.problemProperty().set("printer");
        vm.contactProperty().set("c".repeat(HelpRequestViewModel.MAX_CONTACT + 1));
        assertNull(vm.validate());
        assertEquals(Invalid.CONTACT_TOO_LONG, vm.invalidProperty().get());
        vm.contactProperty().set("");
        name.set("n".repeat(HelpRequestViewModel.MAX_NAME + 1));
        assertNull(vm.validate());
        assertEquals(Invalid.NAME_TOO_LONG, vm.invalidProperty().get());
    }

    /** Sessions with a queue: records what each start asked for. */
    static final class QueueingSessions extends FakeSessions.Customer {
        final List<QueueRequest> requests = new ArrayList<>();

        @Override
        public CustomerSessionHandle start(String customerName, QueueRequest request, SessionListener listener) {
            requests.add(request);
            return start(customerName, listener);
        }

        @Override
        public boolean queues() {
            return true;
        }
    }

    @Test
    void getHelpSendsTheFormAndShowsThePlaceInLine() {
        QueueingSessions sessions = new QueueingSessions();
        GetHelpViewModel help = new GetHelpViewModel(sessions, Runnable::run, Clock.systemUTC(), "ACME");
        HelpRequestViewModel form = help.helpRequest();
        form.problemProperty().set("printer prints blank pages");
        help.getHelp();
        assertEquals(GetHelpViewModel.Step.IDLE, help.stepProperty().get(), "a bad form starts nothing");
        assertEquals(Invalid.NAME_MISSING, form.invalidProperty().get());
        assertTrue(sessions.started.isEmpty());

        help.customerNameProperty().set("Dana");
        help.getHelp();
        assertEquals(1, sessions.requests.size());
        assertEquals("printer prints blank pages", sessions.requests.get(0).problem());
        assertEquals("Dana", sessions.last().customerName);
        assertFalse(form.queuedProperty().get());
        sessions.last().listener.onQueued(2);
        assertTrue(form.queuedProperty().get());
        assertEquals(2, form.positionProperty().get());
        sessions.last().listener.onQueued(1);
        assertEquals(1, form.positionProperty().get());
        help.endSession();
        assertFalse(form.queuedProperty().get());
    }

    @Test
    void withoutAProblemTheCodeFlowStartsAsBefore() {
        QueueingSessions sessions = new QueueingSessions();
        GetHelpViewModel help = new GetHelpViewModel(sessions, Runnable::run, Clock.systemUTC(), "ACME");
        help.getHelp();
        assertEquals(1, sessions.started.size());
        assertNull(sessions.requests.get(0), "no queue request");
    }

    @Test
    void sessionsWithoutAQueueHaveNoForm() {
        assertNull(new GetHelpViewModel(new FakeSessions.Customer(), Runnable::run).helpRequest());
    }
}
