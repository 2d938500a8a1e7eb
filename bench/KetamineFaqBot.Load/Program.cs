using KetamineFaqBot.Load;

return await LoadApp.RunAsync(args, Console.Out, Console.Error);
