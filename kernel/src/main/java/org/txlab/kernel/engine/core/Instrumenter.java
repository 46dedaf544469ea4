package org.txlab.kernel.engine.core;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves {@link Stops} into cell bytecode: a stop check on every backward jump, and exit calls
 * redirected.
 */
final class Instrumenter {

  private static final String STOPS = Stops.class.getName().replace('.', '/');

  private Instrumenter() {}

  /**
   * Returns the instrumented class, or the original bytes if ASM cannot read them (a class file
   * newer than ASM knows); such a cell can then only be stopped by {@code Thread.stop}.
   */
  static byte[] instrument(byte[] classFile) {
    try {
      ClassReader reader = new ClassReader(classFile);
      ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
      reader.accept(new StopsWeaver(writer), 0);
      return writer.toByteArray();
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return classFile;
    }
  }

  private static final class StopsWeaver extends ClassVisitor {
    StopsWeaver(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new LoopAndExitWeaver(
          super.visitMethod(access, name, descriptor, signature, exceptions));
    }
  }

  private static final class LoopAndExitWeaver extends MethodVisitor {
    private final Set<Label> seen = new HashSet<>();

    LoopAndExitWeaver(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitLabel(Label label) {
      seen.add(label);
      super.visitLabel(label);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      if (seen.contains(label)) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, STOPS, "check", "()V", false);
      }
      super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      if (opcode == Opcodes.INVOKESTATIC
          && owner.equals("java/lang/System")
          && name.equals("exit")
          && descriptor.equals("(I)V")) {
        super.visitMethodInsn(Opcodes.INVOKESTATIC, STOPS, "exit", "(I)V", false);
      } else if (opcode == Opcodes.INVOKEVIRTUAL
          && owner.equals("java/lang/Runtime")
          && (name.equals("exit") || name.equals("halt"))
          && descriptor.equals("(I)V")) {
        String hook = name.equals("exit") ? "runtimeExit" : "runtimeHalt";
        super.visitMethodInsn(Opcodes.INVOKESTATIC, STOPS, hook, "(Ljava/lang/Runtime;I)V", false);
      } else {
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      }
    }
  }
}
