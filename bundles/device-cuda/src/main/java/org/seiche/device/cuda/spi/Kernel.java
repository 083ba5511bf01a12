package org.seiche.device.cuda.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jcuda.driver.CUfunction;

/**
 * A kernel of a loaded module with its parameter kinds as the PTX declares them: 'i' for
 * a 32-bit value (int), 'p' for a 64-bit one (a pointer). The driver does not check a
 * launch's arguments; {@link Launch} checks them against this.
 */
public record Kernel(String name, CUfunction function, String signature) {
    private static final Pattern ENTRY = Pattern.compile("\\.entry\\s+(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern PARAM = Pattern.compile("\\.param\\s+\\.([a-z]+)(\\d+)");

    /** The signature of every kernel of a PTX text, by name. */
    public static Map<String, String> signatures(String ptx) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(ptx);
        while (entry.find()) {
            StringBuilder kinds = new StringBuilder();
            Matcher param = PARAM.matcher(entry.group(2));
            while (param.find()) {
                kinds.append(param.group(2).equals("32") ? 'i' : param.group(2).equals("64") ? 'p' : '?');
            }
            out.put(entry.group(1), kinds.toString());
        }
        return out;
    }
}
