/** The join code shown big, in two groups of three (read aloud and typed more easily). */
import { formatJoinCode } from '../join/joinCode';

export function JoinCodeDisplay({ code, className }: { code: string; className: string }) {
  return (
    <output className={className} aria-label="Join code" data-code={code}>
      {formatJoinCode(code)
        .split(' ')
        .map((part, i) => (
          <span key={i} className={`${className}-part`}>
            {part}
          </span>
        ))}
    </output>
  );
}
