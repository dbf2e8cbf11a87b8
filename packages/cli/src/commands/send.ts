// `scribekit send <files.hl7…> --to mllp://host:port` — the command line; the work is in run/send.ts.
import { Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { positiveInt, setExitCode } from './common.js';

/** The MLLP flags `send` and `convert --send` share. */
export function addMllpFlags(cmd: Command): Command {
  return cmd
    .option('--ca-file <pem>', 'extra CA certificates for mllps:// (besides the system store)')
    .addOption(
      new Option('--connect-timeout <ms>', 'connect timeout (default 10000)').argParser(positiveInt(600_000)),
    )
    .addOption(
      new Option('--ack-timeout <ms>', 'time to wait for each ACK (default 30000)').argParser(
        positiveInt(600_000),
      ),
    )
    .addOption(
      new Option('--attempts <n>', 'attempts per message on connection errors (default 3)').argParser(
        positiveInt(10),
      ),
    )
    .option(
      '--no-resend-unacknowledged',
      'do not resend a message whose ACK never came (it may have arrived)',
    )
    .option('--continue', 'keep sending after a message failed for good');
}

/** The MLLP part of a request from the parsed flags. */
export function mllpRequest(to: string, flags: Record<string, unknown>) {
  return {
    to,
    caFile: flags.caFile as string | undefined,
    connectTimeoutMs: flags.connectTimeout as number | undefined,
    ackTimeoutMs: flags.ackTimeout as number | undefined,
    attempts: flags.attempts as number | undefined,
    resendUnacknowledged: flags.resendUnacknowledged !== false,
    continueAfterFailure: flags.continue === true,
  };
}

export function sendCommand(io: CliIo): Command {
  const cmd = new Command('send')
    .description('send HL7 v2 messages (e.g. convert --to hl7 outputs) to an interface engine over MLLP')
    .argument('<files...>', 'HL7 message files (.hl7), sent in order')
    .requiredOption('--to <url>', 'the receiver: mllp://host:port, or mllps://host:port for TLS')
    .option('-q, --quiet', 'only the summary line');
  addMllpFlags(cmd);
  cmd.addHelpText(
    'after',
    `
One message in flight; AA/CA is success, AE/AR a rejection (named with MSA-3/ERR, never the note).
Exit codes: 0 all accepted, 1 some not, 6 none accepted, 2 bad address or options.

Examples:
  $ scribekit send out/visit.hl7 --to mllp://interface.example.org:2575
  $ scribekit convert visit.json --to hl7 -o out --subject Patient/123 --send mllps://ehr.example.org:6661`,
  );
  cmd.action(async (files: string[], flags: Record<string, unknown>, command: Command) => {
    const { sendFiles } = await import('../run/send.js');
    setExitCode(
      command,
      await sendFiles(files, { ...mllpRequest(flags.to as string, flags), quiet: flags.quiet === true }, io),
    );
  });
  return cmd;
}
