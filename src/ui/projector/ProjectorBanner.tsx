/**
 * The projector's caption for the facilitator's aim: the spotlighted artist's name, very large, or
 * "Gallery". Measured by the caller, so the fitted board stays clear of it.
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
  if (!aim) return null;
  return (
    <div ref={ref} className="proj-banner" data-mode={aim.mode} role="status">
      {aim.mode === 'spotlight' ? (
        <>
          <span className="proj-banner-tag">Spotlight</span>
          <span className="proj-banner-name">{aim.name || 'No name'}</span>
        </>
      ) : (
        <>
          <span className="proj-banner-tag">Gallery</span>
          <span className="proj-banner-name">
            {aim.count === 1 ? 'One easel' : `${aim.count} easels`}
          </span>
        </>
      )}
    </div>
  );
}
