import { useEffect } from 'react';
import { HomePage } from '../ui/HomePage';
import { MessagePage } from '../ui/MessagePage';
import { api } from './api';
import { BoardPage } from './BoardPage';
import { saveIdentity } from './identity';
import { navigate, useRoute } from './router';

async function startWorkshop(title: string, prompt: string): Promise<void> {
  const b = await api.createBoard(title, prompt);
  saveIdentity(b.id, { token: b.facilitatorKey, role: 'facilitator', participantId: b.participantId, name: b.name, color: b.color });
  navigate(`/b/${b.id}`);
}

export function App() {
  const route = useRoute();
  useEffect(() => {
    document.title = route.name === 'board' ? 'Board · Sketchroom' : 'Sketchroom';
  }, [route.name]);
  switch (route.name) {
    case 'home':
      return <HomePage onStart={startWorkshop} />;
    case 'board':
      // Keyed: a different board is a fresh session.
      return <BoardPage key={route.boardId} boardId={route.boardId} />;
    default:
      return <MessagePage title="Page not found" text="There is nothing at this address." action={{ label: 'Go to the start page', href: '/' }} />;
  }
}
