package dev.lifeline.client.session;

/**
 * Get Help's request for the relay's waiting queue (besides the code): the customer's problem in
 * a sentence, an optional way to reach them, and their organisation from the installer bundle.
 */
public record QueueRequest(String problem, String contact, String organisation) {
    public QueueRequest {
        problem = problem == null ? "" : problem.strip();
        contact = contact == null ? "" : contact.strip();
        organisation = organisation == null ? "" : organisation.strip();
    }
}
