import { VerifyFirst } from '../../../components/VerifyFirst';

/** Booking is for verified citizens only. */
export function VerifyFirstToBook() {
  return <VerifyFirst why="预约大厅窗口需要先确认您的身份。认证后，可为本人和同户的家人预约。" />;
}
