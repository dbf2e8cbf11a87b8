// Which participant a token belongs to, by speaker or by channel.
import type { Token } from '../model.js';

export type ParticipantKind = 'speaker' | 'channel';

/** The participant id of a token for a dimension (null when the token has none). */
export function participantOf(token: Token, by: ParticipantKind): string | null {
  return by === 'speaker' ? token.speaker : token.channel;
}
