/** The projector's connection, discreet: nothing while connected, a small pill in a corner otherwise. */
import { ConnectionStatus, type ConnectionLabel } from '../ConnectionStatus';
import './projector.css';

export function ProjectorStatus({ state }: { state: ConnectionLabel }) {
  return <div className="proj-status" data-hidden={state === 'connected'}>{<ConnectionStatus state={state} />}</div>;
}
