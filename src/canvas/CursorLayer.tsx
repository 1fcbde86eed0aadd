/** Other people's cursors with their names, in screen space so they keep their size at any zoom. */
import { useSyncExternalStore } from 'react';
import { Group, Label, Layer, Path, Tag, Text } from 'react-konva';
import type { Editor } from '../editor/editor';
import type { Peer } from '../editor/presence';
import type { Store } from '../editor/store';
import { boardToScreen } from '../geometry/camera';

/** An arrow with its tip at (0, 0). */
const ARROW = 'M0 0 L0 19 L5 14.5 L8.6 22.4 L11.8 21 L8.3 13.3 L14.6 13.3 Z';

interface Props {
  peers: Store<readonly Peer[]>;
  editor: Editor;
}

export function CursorLayer({ peers, editor }: Props) {
  const list = useSyncExternalStore(peers.subscribe, peers.get);
  const state = useSyncExternalStore(editor.state.subscribe, editor.state.get);
  return (
    <Layer listening={false}>
      {list.map((peer) => {
        if (!peer.cursor) return null;
        const p = boardToScreen(state.camera, peer.cursor);
        return (
          <Group key={peer.clientId} x={p.x} y={p.y} listening={false}>
            <Path data={ARROW} fill={peer.color} stroke="#ffffff" strokeWidth={1.5} fillAfterStrokeEnabled lineJoin="round" shadowColor="rgba(0,0,0,0.25)" shadowBlur={3} shadowOffsetY={1} />
            <Label x={14} y={20}>
              <Tag fill={peer.color} cornerRadius={6} />
              <Text text={peer.name} fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" fontSize={13} fontStyle="600" fill="#ffffff" padding={5} />
            </Label>
          </Group>
        );
      })}
    </Layer>
  );
}
