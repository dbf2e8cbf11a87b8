// Helpers shared by the command factories.
import { type Command, InvalidArgumentError } from 'commander';

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

/** An option parser for an integer from 1 to `max` (`--jobs`, `--limit`, timeouts). */
export const positiveInt = (max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InvalidArgumentError(`expected an integer from 1 to ${max}`);
  return n;
};
