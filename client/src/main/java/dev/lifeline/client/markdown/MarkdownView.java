package dev.lifeline.client.markdown;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Markdown shown readably: parsed with commonmark-java (CommonMark and GitHub tables) and laid out
 * as JavaFX text — headings, paragraphs with bold, italic and code, nested lists, tables, quotes,
 * code blocks. No WebView: raw HTML in the text is shown as the text it is, and links are shown,
 * never followed. Bind {@link #markdownProperty()}; the view renders on every change.
 */
public final class MarkdownView extends ScrollPane {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final StringProperty markdown = new SimpleStringProperty(this, "markdown", "");
    private final VBox blocks = new VBox(MarkdownNodes.BLOCK_GAP);

    public MarkdownView() {
        getStyleClass().add("markdown-view");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        blocks.getStyleClass().add("markdown");
        blocks.setPadding(new Insets(10, 14, 14, 14));
        setContent(blocks);
        markdown.addListener((obs, old, text) -> render(text));
    }

    private void render(String text) {
        blocks.getChildren().setAll(MarkdownNodes.blocks(PARSER.parse(text == null ? "" : text)));
        setVvalue(0);
    }

    public StringProperty markdownProperty() {
        return markdown;
    }
}
