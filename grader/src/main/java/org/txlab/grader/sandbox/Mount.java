package org.txlab.grader.sandbox;

import java.nio.file.Path;

/**
 * A host path a submission JVM sees, and where it sees it inside the sandbox.
 *
 * @param host the path on this machine
 * @param inside the path inside the sandbox, e.g. {@code /txlab/lib/0-course.jar}
 * @param writable whether the submission may write there (only its scratch directory)
 */
public record Mount(Path host, String inside, boolean writable) {

  /**
   * Mounts a path read-only.
   *
   * @param host the path on this machine
   * @param inside where the sandbox sees it
   * @return the mount
   */
  public static Mount readOnly(Path host, String inside) {
    return new Mount(host, inside, false);
  }
}
