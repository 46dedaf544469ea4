import java.nio.file.Files;
import java.nio.file.Path;
import org.txlab.grader.exercise.Exercises;
import org.txlab.grader.validate.Variant;
import org.txlab.grader.validate.Variants;

/**
 * Writes an exercise's fixture variants (reference, honest and buggy; not the starter) as whole
 * source folders, for bench/grader.sh. Usage: java -cp grader.jar bench/WriteVariants.java ID OUT
 */
public class WriteVariants {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[1]);
    Path work = Files.createTempDirectory("txlab-bench-variants");
    for (Variant v : Variants.load(Exercises.get(args[0]), Path.of("."), work)) {
      if (v.kind() == Variant.Kind.STARTER) {
        continue;
      }
      Path dir = Files.createDirectories(out.resolve(v.name().replace('/', '-')));
      try (var files = Files.list(v.sources())) {
        for (Path f : files.toList()) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
    }
  }
}
