/** A full-page message (unknown board, bad link). */
import { CardPage } from './CardPage';

export function MessagePage({ title, text, action }: { title: string; text: string; action?: { label: string; href: string } }) {
  return (
    <CardPage>
        <h1>{title}</h1>
        <p className="lead">{text}</p>
        {action && (
          <a className="primary" href={action.href} style={{ display: 'grid', placeItems: 'center', textDecoration: 'none' }}>
            {action.label}
          </a>
        )}
    </CardPage>
  );
}
