// zh-CN is the reference locale: every other locale must have exactly these keys (types.ts, locales.test.ts).
import attachments from './attachments';
import audit from './audit';
import auth from './auth';
import calendar from './calendar';
import common from './common';
import deputies from './deputies';
import registry from './registry';
import enums from './enums';
import exports from './exports';
import exception from './exception';
import handlingUnits from './handlingUnits';
import home from './home';
import jobs from './jobs';
import layout from './layout';
import menu from './menu';
import notifications from './notifications';
import notices from './notices';
import opinions from './opinions';
import profile from './profile';
import reportBacks from './reportBacks';
import receptions from './receptions';
import rota from './rota';
import stations from './stations';
import publicArea from './public';
import tenants from './tenants';
import users from './users';

export default { common, menu, layout, auth, home, profile, exception, public: publicArea, enums, tenants, handlingUnits, users, jobs, attachments, calendar, audit, exports, notifications, deputies, registry, reportBacks, rota, receptions, opinions, notices, stations };
