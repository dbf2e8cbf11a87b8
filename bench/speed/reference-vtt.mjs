// The issue's reference: aws-transcription-to-vtt@2.0.0's documented API on a file, VTT on stdout.
import { readFileSync } from 'node:fs';
import vttConvert from 'aws-transcription-to-vtt';

process.stdout.write(vttConvert(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
