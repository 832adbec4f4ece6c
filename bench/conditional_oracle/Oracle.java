// Prints, per line of a file of conditional values, OK or NO_CR (the restriction grammar refused it)
// or NO_OH (an opening-hours condition refused) as ch.poole:ConditionalRestrictionParser 0.3.1 and
// ch.poole:OpeningHoursParser 0.28.2 (non-strict) judge it: a grammar oracle for drivelog's parser.
import ch.poole.conditionalrestrictionparser.*;
import ch.poole.openinghoursparser.OpeningHoursParser;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;

public class Oracle {
  public static void main(String[] args) throws Exception {
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String verdict;
      try {
        var restrictions = new ConditionalRestrictionParser(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8))).restrictions();
        verdict = "OK";
        for (Restriction r : restrictions) {
          for (Condition c : r.getConditions()) {
            if (!c.isOpeningHours()) continue;
            try {
              new OpeningHoursParser(new ByteArrayInputStream(c.toString().getBytes(StandardCharsets.UTF_8))).rules(false);
            } catch (Throwable e) { verdict = "NO_OH"; }
          }
        }
      } catch (Throwable e) { verdict = "NO_CR"; }
      System.out.println(verdict + "\t" + line);
    }
  }
}
