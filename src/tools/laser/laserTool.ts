/**
 * Laser pointer (facilitator): while pressed, the pointer leaves a red trail that fades on every
 * screen. Nothing is written to the document. States: idle, pointing.
 */
import { StateTool } from '../framework';
import type { ToolContext } from '../types';
import { Idle } from './idle';
import { Pointing } from './pointing';

export class LaserTool extends StateTool {
  readonly id = 'laser';

  constructor(ctx: ToolContext) {
    super(ctx);
    this.init(new Idle(this), new Pointing(this));
  }
}
