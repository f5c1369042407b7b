import type { Messages } from '../types';
import auth from './auth';
import common from './common';
import enums from './enums';
import exception from './exception';
import home from './home';
import layout from './layout';
import menu from './menu';
import profile from './profile';
import publicArea from './public';
import users from './users';

export default { common, menu, layout, auth, home, profile, exception, public: publicArea, enums, users } satisfies Messages;
