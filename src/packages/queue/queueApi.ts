import type { TicketView, WindowStateView } from '../../../core/queue/views';
import type { GreenReason } from '../../../core/queue/greenReasons';
import { call } from '../../services/api';

/** What the `booking` function's queue actions return (shapes from core/queue/actions). */

export interface BoardCall {
  label: string;
  window: string;
  status: 'calling' | 'serving' | 'done' | 'waiting' | 'missed';
  calledAt: string;
  calls: number;
}

export interface Board {
  hallId: string;
  hallName: string;
  date: string;
  serverTime: string;
  calling: BoardCall[];
  recent: BoardCall[];
}

type Moved = { ticket: TicketView };
const at = (hallId: string, window: string, ticketId: string) => ({ hallId, window, ticketId });

/** The window's actions (officer) and the hall's board (public). Each write sends a fresh request id: a repeat of one tap is answered once. */
export const queueApi = {
  windowState: (hallId: string, window: string) => call<WindowStateView>('booking', 'windowState', { hallId, window }),
  callNext: (hallId: string, window: string) => call<Moved>('booking', 'callNext', { hallId, window }),
  recall: (hallId: string, window: string, ticketId: string) => call<Moved>('booking', 'recall', at(hallId, window, ticketId)),
  serve: (hallId: string, window: string, ticketId: string) => call<Moved>('booking', 'serve', at(hallId, window, ticketId)),
  skip: (hallId: string, window: string, ticketId: string) => call<Moved>('booking', 'skip', at(hallId, window, ticketId)),
  transfer: (hallId: string, window: string, ticketId: string, to: string) => call<Moved>('booking', 'transfer', { ...at(hallId, window, ticketId), to }),
  finish: (hallId: string, window: string, ticketId: string, business: string) => call<Moved>('booking', 'finish', { ...at(hallId, window, ticketId), business }),
  takeWalkIn: (hallId: string, business?: string, green?: GreenReason) =>
    call<Moved>('booking', 'takeWalkIn', { hallId, ...(business ? { business } : {}), ...(green ? { green } : {}) }),
  markGreenChannel: (hallId: string, number: number, reason: GreenReason) => call<Moved>('booking', 'markGreenChannel', { hallId, number, reason }),
  board: (hallId: string) => call<Board>('booking', 'queueBoard', { hallId }),
};
