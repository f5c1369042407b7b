// Labels of the API's enumerations and role names (the API returns the codes).
export default {
  accountStatus: { Active: '正常', Disabled: '已停用' },
  tenantKind: { District: '区人大常委会', Street: '街道人大工委', Township: '乡镇人大主席团' },
  handlingUnitKind: {
    GovernmentDepartment: '政府工作部门',
    StreetOffice: '街道办事处',
    TownshipGovernment: '乡镇人民政府',
    PublicService: '公共服务单位',
    Other: '其他',
  },
  role: {
    'system-admin': '系统管理员',
    'security-admin': '安全管理员',
    'audit-admin': '审计管理员',
    'tenant-admin': '单位管理员',
    supervisor: '督导',
    leader: '领导',
    staff: '工作人员',
    'station-keeper': '联络站站长',
    deputy: '人大代表',
    'unit-officer': '承办单位人员',
  },
};
