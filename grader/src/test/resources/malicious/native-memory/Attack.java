// expect-points: 22
// expect-sign: OUT_OF_MEMORY
package org.txlab.exercises;

/** Allocates native memory outside the heap, touching every page, until something stops it. */
final class Attack {
  private Attack() {}

  static void run() {
    try {
      java.lang.reflect.Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
      f.setAccessible(true);
      Object unsafe = f.get(null);
      java.lang.reflect.Method allocate = unsafe.getClass().getMethod("allocateMemory", long.class);
      java.lang.reflect.Method set = unsafe.getClass().getMethod("setMemory", long.class, long.class, byte.class);
      for (int i = 0; i < 100_000; i++) {
        long at = (long) allocate.invoke(unsafe, 64L << 20);
        set.invoke(unsafe, at, 64L << 20, (byte) 1);
      }
    } catch (ReflectiveOperationException e) {
      System.out.println("no Unsafe: " + e);
    }
  }
}
