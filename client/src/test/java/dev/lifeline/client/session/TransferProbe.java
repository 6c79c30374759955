package dev.lifeline.client.session;

import static dev.lifeline.client.session.ScreenProbe.awaitTrue;

import dev.lifeline.client.clipboard.ClipboardEvent;
import dev.lifeline.client.transfer.FileOffered;
import dev.lifeline.common.transfer.TransferState;
import dev.lifeline.common.transfer.TransferStatus;
import dev.lifeline.common.transfer.TransferStatus.Direction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Records transfers and clipboard events of one side; optionally accepts every offer into a folder. */
final class TransferProbe extends ScreenProbe {
    final List<FileOffered> offers = new CopyOnWriteArrayList<>();
    final Map<String, TransferStatus> latest = new ConcurrentHashMap<>();
    final List<TransferStatus> statuses = new CopyOnWriteArrayList<>();
    final List<ClipboardEvent> clipboard = new CopyOnWriteArrayList<>();
    final List<String> clipboardTexts = new CopyOnWriteArrayList<>();
    final List<LinkState> links = new CopyOnWriteArrayList<>();
    /** Time-stamped statuses and link changes, printed by tests that measure. */
    final List<String> trace = new CopyOnWriteArrayList<>();
    volatile BiConsumer<FileOffered, TransferProbe> onOffer = (offer, probe) -> { };

    @Override
    public void onFileOffered(FileOffered offer) {
        offers.add(offer);
        onOffer.accept(offer, this);
    }

    @Override
    public void onTransfer(TransferStatus status) {
        trace.add(System.nanoTime() / 1_000_000 + " " + status.direction() + " " + status.name() + " "
                + status.state() + " " + status.bytesDone() / 1024 + "K");
        statuses.add(status);
        latest.put(status.direction() + ":" + status.id(), status);
    }

    @Override
    public void onClipboard(ClipboardEvent event) {
        clipboard.add(event);
    }

    @Override
    public void onClipboardText(String text) {
        clipboardTexts.add(text);
    }

    @Override
    public void onLinkState(LinkState state) {
        trace.add(System.nanoTime() / 1_000_000 + " link " + state);
        links.add(state);
    }

    TransferStatus status(Direction direction, long id) {
        return latest.get(direction + ":" + id);
    }

    /** The one transfer in that direction named so (latest status). */
    TransferStatus named(Direction direction, String name) {
        return latest.values().stream().filter(s -> s.direction() == direction && s.name().equals(name))
                .max(java.util.Comparator.comparingLong(TransferStatus::id)).orElse(null);
    }

    TransferStatus awaitFinished(Direction direction, String name) {
        awaitTrue(() -> {
            TransferStatus s = named(direction, name);
            return s != null && s.state().finished();
        }, direction + " " + name + " to finish; now " + named(direction, name));
        return named(direction, name);
    }

    void awaitBytes(Direction direction, String name, long bytes) {
        awaitTrue(() -> {
            TransferStatus s = named(direction, name);
            return s != null && (s.bytesDone() >= bytes || s.state() == TransferState.COMPLETED);
        }, direction + " " + name + " to pass " + bytes + " bytes; now " + named(direction, name));
    }

    static BiConsumer<FileOffered, TransferProbe> acceptInto(Path folder, TransferHandle handle) {
        return (offer, probe) -> handle.acceptFile(offer.id(), folder);
    }
}
