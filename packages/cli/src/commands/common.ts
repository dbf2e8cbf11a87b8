// Helpers shared by the command factories.
import type { Command } from 'commander';

/** Records a command's exit code where `run` finds it (on the root program). */
export function setExitCode(command: Command, code: number): void {
  let root = command;
  while (root.parent) root = root.parent;
  const previous = (root.getOptionValue('exitCode') as number | undefined) ?? 0;
  root.setOptionValue('exitCode', Math.max(previous, code));
}

/** Whether `--verbose` was given (a global option). */
export function isVerbose(command: Command): boolean {
  return Boolean((command.optsWithGlobals() as { verbose?: boolean }).verbose);
}
