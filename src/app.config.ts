export default defineAppConfig({
  pages: ['pages/index/index', 'pages/guides/index', 'pages/guide/index', 'pages/halls/index', 'pages/hall/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/identity',
      pages: ['consent/index', 'verify/index', 'profile/index', 'family/index', 'admin/index', 'audit/index', 'officers/index'],
    },
    {
      root: 'packages/booking',
      pages: ['book/index', 'mine/index', 'ticket/index'],
    },
    {
      root: 'packages/officer',
      pages: ['scan/index', 'day/index', 'ratings/index'],
    },
    {
      root: 'packages/reissue',
      pages: ['apply/index', 'track/index', 'mine/index', 'review/index', 'review/detail'],
    },
    {
      // The hall floor (issue 16): an officer's window and the hall's display board.
      root: 'packages/queue',
      pages: ['window/index', 'board/index'],
    },
    {
      // Issue 16: hall leads and admins edit special hours and the duty roster.
      root: 'packages/hallAdmin',
      pages: ['hours/index'],
    },
    {
      root: 'packages/business',
      pages: ['list/index', 'detail/index', 'mine/index', 'review/index', 'case/index', 'verify/index', 'moveout/index'],
    },
    {
      root: 'packages/stats',
      pages: ['report/index'],
    },
    {
      root: 'packages/consult',
      pages: ['ask/index', 'mine/index', 'hall/index'],
    },
    {
      root: 'packages/homeVisit',
      pages: ['request/index', 'mine/index', 'hall/index'],
    },
    {
      // Issue 17: fair release — days released by draw, applications, the public draw, the hall lead's tools.
      root: 'packages/release',
      pages: ['list/index', 'apply/index', 'mine/index', 'draw/index', 'lead/index'],
    },
    {
      // Issue 17: the electronic temporary identity proof, its public verification and its log.
      root: 'packages/tempProof',
      pages: ['proof/index', 'verify/index', 'log/index'],
    },
    {
      // Issue 17: the waiting list of a full day (joined from the booking page), 我的候补 with its offers, and the hall's view.
      root: 'packages/waitlist',
      pages: ['join/index', 'mine/index', 'hall/index'],
    },
    {
      // Issue 18: an officer books for a citizen who cannot use the mini-program (phone, desk, home visit).
      root: 'packages/assisted',
      pages: ['session/index', 'report/index'],
    },
    {
      // Issue 18: a reissue an officer applies for in an assisted session (desk or home visit), the fee collected in person.
      root: 'packages/assistedReissue',
      pages: ['apply/index'],
    },
    {
      // Issue 18: a reissue fee collected by hand, cancelled at the hall or recorded handed back (from the review detail).
      root: 'packages/reissueFee',
      pages: ['hand/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '户政服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f9',
  },
  lazyCodeLoading: 'requiredComponents',
  // Search's "nearest hall" asks for the position when the citizen taps it; it is sent once and not kept.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于查找离您最近的户政服务大厅' } },
});
