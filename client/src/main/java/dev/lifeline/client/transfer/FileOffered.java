package dev.lifeline.client.transfer;

/** The peer offers a file: accept it into a folder, or decline. {@code name} is already sanitised. */
public record FileOffered(long id, String name, long size) {
}
