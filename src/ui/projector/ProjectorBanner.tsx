/**
 * The projector's caption for a spotlight: the artist's name, very large, below the easel. Measured
 * by the caller, so the fitted board stays clear of it. A gallery says so in the header instead
 * (ProjectorHeader's `gallery`), which leaves the easels the height a caption would take.
 */
import type { Ref } from 'react';
import type { ProjectorAim } from '../../editor/projectorAim';
import './projectorEasels.css';

interface Props {
  /** null: the whole board, no caption. */
  aim: ProjectorAim['caption'];
  ref?: Ref<HTMLDivElement>;
}

export function ProjectorBanner({ aim, ref }: Props) {
  if (aim?.mode !== 'spotlight') return null;
  return (
    <div ref={ref} className="proj-banner" role="status">
      <span className="proj-banner-tag">Spotlight</span>
      <span className="proj-banner-name">{aim.name || 'No name'}</span>
    </div>
  );
}
