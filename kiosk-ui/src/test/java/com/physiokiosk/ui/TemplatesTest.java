package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.physiokiosk.ui.view.Templates;
import gg.jte.html.HtmlContent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every page template has its typed call in Templates, and Templates nothing else")
class TemplatesTest {

    private static final Path JTE = Path.of("src", "main", "jte");
    private static final Pattern INCLUDE = Pattern.compile("@template\\.([\\w.]+)\\(");

    @Test
    void eachTemplateNoOtherIncludesHasAMethodTakingItsParams() throws IOException {
        Map<String, List<String>> params = new TreeMap<>();
        Set<String> included = new HashSet<>();
        try (Stream<Path> files = Files.walk(JTE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                String text = Files.readString(file);
                params.put(JTE.relativize(file).toString().replace('\\', '/'), params(text));
                Matcher m = INCLUDE.matcher(text);
                while (m.find()) {
                    included.add(m.group(1).replace('.', '/') + ".jte");
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        params.forEach((template, types) -> {
            if (!included.contains(template)) {
                expected.add(signature(HtmlContent.class, methodName(template), types));
            }
        });
        Set<String> actual = new TreeSet<>();
        for (Method m : Templates.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                actual.add(signature(m.getReturnType(), m.getName(),
                        Arrays.stream(m.getParameterTypes()).map(Class::getCanonicalName).toList()));
            }
        }
        // A page is a template no other template includes; its method is named as jte-models names it.
        assertAll(() -> assertEquals(Set.of(), difference(expected, actual), "pages with no such method in Templates"),
                () -> assertEquals(Set.of(), difference(actual, expected), "Templates methods for no page"));
    }

    /** How a method is compared: {@code HtmlContent staffAudit(com.physiokiosk.ui.view.Views.AuditPage)}. */
    private static String signature(Class<?> returns, String name, List<String> params) {
        return returns.getSimpleName() + " " + name + "(" + String.join(", ", params) + ")";
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** The qualified types of a template's {@code @param} lines, in order. */
    private static List<String> params(String template) {
        Map<String, String> imports = new HashMap<>();
        List<String> types = new ArrayList<>();
        for (String line : template.lines().map(String::strip).toList()) {
            String[] words = line.split("\\s+");
            if (words[0].equals("@import")) {
                imports.put(words[1].substring(words[1].lastIndexOf('.') + 1), words[1]);
            } else if (words[0].equals("@param")) {
                types.add(imports.getOrDefault(words[1], words[1].contains(".") ? words[1] : "java.lang." + words[1]));
            }
        }
        return types;
    }

    /** jte-models' name for a template's method: {@code staff/check-ins.jte} is {@code staffCheckIns}. */
    private static String methodName(String template) {
        String[] parts = template.substring(0, template.length() - ".jte".length()).split("[/-]");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }
}
