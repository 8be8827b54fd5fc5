package dev.rca.pipeline.analyze.control;

/**
 * A file's header layout as detected from its first lines: where its timestamp is and in which form, whether its
 * header ends with a logger/tag/process name followed by a colon, or whether each line is a JSON object. Stored with
 * the analysis, so that a line is split the same way when it is read back.
 *
 * @param format       the timestamp form, or null when the file's lines carry none
 * @param prefixTokens header fields printed before the timestamp (an access log's client address, a RAS record's id)
 * @param loggerColon  the header's last field is a name ending with a colon ({@code sshd[12]:}, {@code Tag:})
 * @param json         every line is a JSON object; timestamp, level and message come from its fields
 * @param description  the layout in words, for the report
 */
public record FileLayout(TimestampFormat format, int prefixTokens, boolean loggerColon, boolean json,
                         String description) {

    public static final FileLayout PLAIN = new FileLayout(null, 0, false, false, "no header detected");

    public boolean timestamped() {
        return format != null || json;
    }

    /** The layout as one line of text, for storage: {@code format;prefixTokens;loggerColon;json;description}. */
    public String encode() {
        return (format == null ? "" : format.name()) + ";" + prefixTokens + ";" + loggerColon + ";" + json + ";"
                + description;
    }

    public static FileLayout decode(String encoded) {
        String[] fields = encoded.split(";", 5);
        return new FileLayout(fields[0].isEmpty() ? null : TimestampFormat.valueOf(fields[0]),
                Integer.parseInt(fields[1]), Boolean.parseBoolean(fields[2]), Boolean.parseBoolean(fields[3]),
                fields[4]);
    }
}
