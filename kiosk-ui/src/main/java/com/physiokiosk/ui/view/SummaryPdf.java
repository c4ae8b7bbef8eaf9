package com.physiokiosk.ui.view;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;

/**
 * Turns a page rendered for the PDF (well-formed XHTML, style sheet inline) into a PDF with
 * openhtmltopdf: the check-in summary, the same template staff print from the browser, and the
 * clinical rules catalogue, the same template admins read on screen.
 */
public final class SummaryPdf {

    /** Font family the summary style sheet asks for first. */
    static final String FAMILY = "Kiosk Sans";

    /**
     * Fonts embedded when the machine has them (Debian's fonts-dejavu-core), so that every letter a
     * name or answer may hold prints; without them the PDF falls back to the built-in Helvetica.
     */
    private static final List<String[]> FONTS = List.of(
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "400"},
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "700"});

    static {
        // openhtmltopdf reports every resource it loads at INFO; only its warnings are of use.
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
    }

    private SummaryPdf() {
    }

    /**
     * {@code xhtml} with every character XML forbids (noncharacters, stray controls, unpaired surrogates)
     * made a space: the kiosk refuses them at input, but a check-in stored before it did must still print.
     */
    static String xmlSafe(String xhtml) {
        StringBuilder out = new StringBuilder(xhtml.length());
        for (int i = 0; i < xhtml.length(); i++) {
            char c = xhtml.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < xhtml.length() && Character.isLowSurrogate(xhtml.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, xhtml.charAt(++i));
                out.append((cp & 0xFFFE) == 0xFFFE ? " " : new String(Character.toChars(cp)));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF
                    || c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // The pain drawing is inline SVG: drawn as vectors, from the same region data as on screen.
        builder.useSVGDrawer(new BatikSVGDrawer());
        for (String[] font : FONTS) {
            File file = new File(font[0]);
            if (file.isFile()) {
                builder.useFont(file, FAMILY, Integer.parseInt(font[1]), PdfRendererBuilder.FontStyle.NORMAL, true);
            }
        }
        builder.withHtmlContent(xmlSafe(xhtml), null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the PDF", e);
        }
        return out.toByteArray();
    }
}
