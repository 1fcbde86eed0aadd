/** The centred card with the brand on top, shared by the home, join and message pages. */
import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';

export function CardPage({ children }: { children: ReactNode }) {
  return (
    <main className="card-page">
      <div className="card">
        <div className="card-brand">
          <BrandMark /> Sketchroom
        </div>
        {children}
      </div>
    </main>
  );
}
