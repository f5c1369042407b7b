using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Accounts;

/// <summary>A mobile phone signs in one person: it is unique across accounts, and a mainland mobile number when given.</summary>
internal sealed class PhoneNumberValidator(IdentityDbContext db) : IUserValidator<UserAccount>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user)
    {
        if (user.PhoneNumber is null)
        {
            return IdentityResult.Success;
        }
        if (user.PhoneNumber.Length != 11 || !user.PhoneNumber.StartsWith('1') || !user.PhoneNumber.All(char.IsAsciiDigit))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "phone.invalid",
                Description = Text.Of("手机号应为 11 位数字,以 1 开头。", "A mobile number has 11 digits and starts with 1."),
            });
        }
        if (await db.Users.AnyAsync(u => u.PhoneNumber == user.PhoneNumber && u.Id != user.Id))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "phone.taken",
                Description = Text.Of("该手机号已被其他账号使用。", "This mobile number belongs to another account."),
            });
        }
        return IdentityResult.Success;
    }
}
