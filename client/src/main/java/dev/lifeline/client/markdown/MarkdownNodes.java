package dev.lifeline.client.markdown;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

/**
 * Turns a commonmark-java tree into JavaFX nodes: one node per block, text runs as {@link Text}
 * in {@link TextFlow}s (so they wrap), styled by class ({@code md-strong}, {@code md-emphasis},
 * {@code md-code}, {@code md-link}; colours in lifeline.css) and by inline font styles.
 */
final class MarkdownNodes {
    static final double BLOCK_GAP = 8;
    /** Heading font sizes relative to the body text, by level 1-6. */
    private static final double[] HEADING_SCALE = {1.7, 1.4, 1.2, 1.1, 1.0, 1.0};

    private MarkdownNodes() {
    }

    /** The blocks under {@code parent} (a document, list item or quote). */
    static List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> out = new ArrayList<>();
        for (org.commonmark.node.Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
            Node node = block(block);
            if (node != null) {
                out.add(node);
            }
        }
        return out;
    }

    private static Node block(org.commonmark.node.Node block) {
        if (block instanceof Heading heading) {
            TextFlow flow = inlines(heading, Run.PLAIN);
            flow.getStyleClass().addAll("md-heading", "md-heading-" + heading.getLevel());
            double scale = HEADING_SCALE[Math.min(6, Math.max(1, heading.getLevel())) - 1];
            for (Node text : flow.getChildren()) {
                text.setStyle(text.getStyle() + "-fx-font-weight: bold; -fx-font-size: " + scale + "em;");
            }
            flow.setPadding(new Insets(heading.getLevel() <= 2 ? 6 : 2, 0, 0, 0));
            return flow;
        }
        if (block instanceof Paragraph paragraph) {
            return inlines(paragraph, Run.PLAIN);
        }
        if (block instanceof ListBlock list) {
            return list(list);
        }
        if (block instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral());
        }
        if (block instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral());
        }
        if (block instanceof BlockQuote quote) {
            VBox box = new VBox(BLOCK_GAP / 2);
            box.getChildren().setAll(blocks(quote));
            box.getStyleClass().add("md-quote");
            return box;
        }
        if (block instanceof ThematicBreak) {
            return new Separator();
        }
        if (block instanceof HtmlBlock html) {
            // Shown as written: nothing from a report is ever interpreted as markup.
            return flow(List.of(text(html.getLiteral().strip(), Run.PLAIN)));
        }
        if (block instanceof TableBlock table) {
            return table(table);
        }
        return null;
    }

    private static Node list(ListBlock list) {
        VBox box = new VBox(list.isTight() ? 2 : BLOCK_GAP / 2);
        box.getStyleClass().add(list instanceof OrderedList ? "md-ordered-list" : "md-bullet-list");
        int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof BulletList ? "•" : number++ + ".");
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(18);
            marker.setAlignment(Pos.TOP_RIGHT);
            VBox content = new VBox(2);
            content.getChildren().setAll(blocks(item));
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(6, marker, content);
            row.getStyleClass().add("md-list-item");
            box.getChildren().add(row);
        }
        box.setPadding(new Insets(0, 0, 0, 4));
        return box;
    }

    private static Node codeBlock(String literal) {
        TextFlow flow = flow(List.of(text(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal, Run.CODE)));
        flow.getStyleClass().add("md-code-block");
        return flow;
    }

    private static Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setHgap(14);
        grid.setVgap(3);
        int row = 0;
        int columns = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow tableRow)) {
                    continue;
                }
                List<TextFlow> cells = new ArrayList<>();
                boolean empty = true;
                for (org.commonmark.node.Node c = tableRow.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell cell) {
                        TextFlow flow = inlines(cell, head ? Run.STRONG : Run.PLAIN);
                        flow.getStyleClass().add(head ? "md-table-head" : "md-table-cell");
                        empty &= flow.getChildren().isEmpty();
                        cells.add(flow);
                    }
                }
                if (head && empty) {
                    continue; // a table written with a blank header row shows none
                }
                for (int col = 0; col < cells.size(); col++) {
                    grid.add(cells.get(col), col, row);
                }
                columns = Math.max(columns, cells.size());
                row++;
            }
        }
        for (int col = 0; col < columns; col++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHgrow(col == columns - 1 ? Priority.ALWAYS : Priority.NEVER);
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }

    /** The inline content of {@code parent} as one wrapping flow. */
    private static TextFlow inlines(org.commonmark.node.Node parent, Run run) {
        List<Node> texts = new ArrayList<>();
        addInlines(parent, run, texts);
        return flow(texts);
    }

    private static void addInlines(org.commonmark.node.Node parent, Run run, List<Node> out) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                out.add(text(t.getLiteral(), run));
            } else if (n instanceof Code code) {
                out.add(text(code.getLiteral(), run.withCode()));
            } else if (n instanceof Emphasis) {
                addInlines(n, run.withEmphasis(), out);
            } else if (n instanceof StrongEmphasis) {
                addInlines(n, run.withStrong(), out);
            } else if (n instanceof SoftLineBreak) {
                out.add(text(" ", run));
            } else if (n instanceof HardLineBreak) {
                out.add(text("\n", run));
            } else if (n instanceof Link link) {
                int before = out.size();
                addInlines(link, run.asLink(), out);
                String shown = out.subList(before, out.size()).stream()
                        .map(x -> x instanceof Text t ? t.getText() : "").reduce("", String::concat);
                if (!link.getDestination().isBlank() && !link.getDestination().equals(shown)) {
                    out.add(text(" (" + link.getDestination() + ")", run));
                }
            } else if (n instanceof Image image) {
                out.add(text("[image: " + image.getDestination() + "]", run));
            } else if (n instanceof HtmlInline html) {
                out.add(text(html.getLiteral(), run));
            } else {
                addInlines(n, run, out);
            }
        }
    }

    private static TextFlow flow(List<Node> texts) {
        TextFlow flow = new TextFlow();
        flow.getChildren().setAll(texts);
        flow.getStyleClass().add("md-text-flow");
        return flow;
    }

    private static Text text(String literal, Run run) {
        Text text = new Text(literal);
        text.getStyleClass().add("md-text");
        StringBuilder style = new StringBuilder();
        if (run.strong) {
            text.getStyleClass().add("md-strong");
            style.append(" -fx-font-weight: bold;");
        }
        if (run.emphasis) {
            text.getStyleClass().add("md-emphasis");
            style.append(" -fx-font-style: italic;");
        }
        if (run.code) {
            text.getStyleClass().add("md-code");
            style.append(" -fx-font-family: monospace;");
        }
        if (run.link) {
            text.getStyleClass().add("md-link");
            text.setUnderline(true);
        }
        text.setStyle(style.toString());
        return text;
    }

    /** How a run of text is set: the emphasis around it. */
    private record Run(boolean strong, boolean emphasis, boolean code, boolean link) {
        static final Run PLAIN = new Run(false, false, false, false);
        static final Run STRONG = new Run(true, false, false, false);
        static final Run CODE = new Run(false, false, true, false);

        Run withStrong() {
            return new Run(true, emphasis, code, link);
        }

        Run withEmphasis() {
            return new Run(strong, true, code, link);
        }

        Run withCode() {
            return new Run(strong, emphasis, true, link);
        }

        Run asLink() {
            return new Run(strong, emphasis, code, true);
        }
    }
}
