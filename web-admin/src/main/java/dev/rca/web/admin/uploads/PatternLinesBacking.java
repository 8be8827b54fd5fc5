package dev.rca.web.admin.uploads;

import dev.rca.errors.BusinessException;
import dev.rca.pipeline.analyze.boundary.Analyses;
import dev.rca.pipeline.analyze.control.PatternSummary;
import dev.rca.web.admin.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * admin/uploads/lines.xhtml: the lines behind one pattern of an upload, a page at a time, with the parts of each line
 * that are not the template's constant words marked (the values that vary).
 */
@Named
@RequestScoped
public class PatternLinesBacking {

    static final int LINES_PER_PAGE = 100;

    @EJB
    Analyses analyses;

    private String tenant;
    private String id;
    private String pattern;
    private long offset;
    private PatternSummary summary;
    private long total;
    private List<ShownLine> lines = List.of();

    /** A piece of a line, marked when it is not one of the template's words. */
    public record Segment(String text, boolean variable) {
    }

    public record ShownLine(int file, long line, List<Segment> segments, boolean truncated) {
    }

    public void load() {
        try {
            UUID upload = uploadId();
            summary = analyses.pattern(tenant, upload, pattern);
            Analyses.PatternLinePage page = analyses.patternLines(tenant, upload, pattern, Math.max(0, offset),
                    LINES_PER_PAGE);
            total = page.total();
            Set<String> words = templateWords(summary.template());
            List<ShownLine> shown = new ArrayList<>();
            for (Analyses.PatternLine line : page.lines()) {
                shown.add(new ShownLine(line.file(), line.line(), segments(line.text(), words), line.truncated()));
            }
            lines = shown;
        } catch (BusinessException refusal) {
            Messages.error(null, refusal);
        }
    }

    static Set<String> templateWords(String template) {
        Set<String> words = new HashSet<>();
        for (String word : template.split("[ \\n]")) {
            if (!word.contains("<*>") && !word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * Splits a line at spaces; a word that is not one of the template's is marked, from the template's first word
     * on (what comes before it is the header: timestamp, level, thread).
     */
    static List<Segment> segments(String text, Set<String> words) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        boolean inMessage = false;
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && text.charAt(end) != ' ') {
                end++;
            }
            String word = text.substring(i, end);
            inMessage |= words.contains(word);
            boolean variable = inMessage && !word.isEmpty() && !words.contains(word);
            if (variable) {
                if (plain.length() > 0) {
                    segments.add(new Segment(plain.toString(), false));
                    plain.setLength(0);
                }
                segments.add(new Segment(word, true));
            } else {
                plain.append(word);
            }
            if (end < text.length()) {
                plain.append(' ');
            }
            i = end + 1;
        }
        if (plain.length() > 0) {
            segments.add(new Segment(plain.toString(), false));
        }
        return segments;
    }

    private UUID uploadId() {
        return UploadIds.parse(id);
    }

    public boolean isHasNext() {
        return offset + LINES_PER_PAGE < total;
    }

    public long getNextOffset() {
        return offset + LINES_PER_PAGE;
    }

    public long getPreviousOffset() {
        return Math.max(0, offset - LINES_PER_PAGE);
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public long getOffset() {
        return offset;
    }

    public void setOffset(long offset) {
        this.offset = offset;
    }

    public PatternSummary getSummary() {
        return summary;
    }

    public long getTotal() {
        return total;
    }

    public List<ShownLine> getLines() {
        return lines;
    }
}
