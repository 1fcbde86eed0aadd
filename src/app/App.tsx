import { useEffect } from 'react';
import { HomePage } from '../ui/HomePage';
import { codeFromSearch } from '../ui/join/joinCode';
import { JoinPage } from '../ui/join/JoinPage';
import { MessagePage } from '../ui/MessagePage';
import { api } from './api';
import { BoardPage } from './BoardPage';
import { loadLastName, saveIdentity, saveLastName } from './identity';
import { navigate, useRoute } from './router';

async function startWorkshop(title: string, prompt: string): Promise<void> {
  const b = await api.createBoard(title, prompt);
  saveIdentity(b.id, { token: b.facilitatorKey, role: 'facilitator', participantId: b.participantId, name: b.name, color: b.color });
  navigate(`/b/${b.id}`);
}

async function openBoardFile(file: File, onProgress: (fraction: number, step: string) => void): Promise<void> {
  // The importer (Yjs, the exporter's validation) loads only when someone opens a file.
  const { importBoardFile } = await import('./importBoardFile');
  const id = await importBoardFile(file, onProgress);
  navigate(`/b/${id}`);
}

async function joinByCode(code: string, name: string): Promise<void> {
  const r = await api.joinByCode(code, name);
  saveIdentity(r.boardId, { token: r.token, role: 'participant', participantId: r.participantId, name: r.name, color: r.color });
  saveLastName(r.name);
  navigate(`/b/${r.boardId}`);
}

const TITLES: Record<string, string> = { board: 'Board · Sketchroom', join: 'Join a workshop · Sketchroom' };

export function App() {
  const route = useRoute();
  useEffect(() => {
    document.title = TITLES[route.name] ?? 'Sketchroom';
  }, [route.name]);
  switch (route.name) {
    case 'home':
      return <HomePage onStart={startWorkshop} onOpenFile={openBoardFile} />;
    case 'join':
      return <JoinPage initialCode={codeFromSearch(location.search)} initialName={loadLastName()} onJoin={joinByCode} />;
    case 'board':
      // Keyed: a different board is a fresh session.
      return <BoardPage key={route.boardId} boardId={route.boardId} />;
    default:
      return <MessagePage title="Page not found" text="There is nothing at this address." action={{ label: 'Go to the start page', href: '/' }} />;
  }
}
