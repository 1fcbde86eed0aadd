/**
 * Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), drawn with
 * crypto.randomInt so every character is uniform. 31^6 ~ 887 million codes; with the per-address
 * limit on wrong guesses (see api.ts) a guess is hopeless. Uniqueness is the store's job.
 */
import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../src/protocol/api';

export function newJoinCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}
